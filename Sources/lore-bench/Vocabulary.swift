import Foundation

/// The words the generated records are written in, ranked by how often they occur (Zipf's
/// law, as in real prose): a few function words everywhere, then everyday and technical
/// words, then a long tail of made-up names (services, libraries, people's jargon) that
/// each occur in a handful of records.
struct Vocabulary: Sendable {
    /// Every word, most frequent first.
    let words: [String]
    /// How many leading words are function words ("the", "of"), never asked for alone.
    let functionWordCount: Int
    /// Where the made-up tail starts.
    let tailStart: Int
    private let cumulative: [Double]

    static let functionWords = """
        the of and to a in is that for it as with be on by this are we not or from at which an will \
        but all can has have was our its if so more when than they only also into there would should \
        their each one no any these some most other such them how because while both then over after
        """

    static let everydayWords = """
        team service data system decision cost time user request change support work release \
        process risk problem option approach need way load access model state error result design \
        update version performance failure traffic customer account payment invoice ledger report \
        schedule budget contract partner vendor owner review audit policy rule limit window region \
        country currency price order shipment warehouse stock catalogue search index query page \
        screen mobile browser email message notification alert incident outage recovery backup \
        restore migration rollout rollback deadline quarter month week day hour minute second \
        people engineer manager operator developer tester analyst support handover knowledge \
        document runbook guide training onboarding meeting agreement approval sign review feedback \
        simple complex fast slow cheap expensive reliable secure private public internal external \
        existing current previous future temporary permanent manual automatic optional required \
        small large single multiple shared separate central local remote legacy modern stable \
        keep move split merge replace remove add adopt drop reduce increase avoid allow prevent \
        measure monitor test verify deploy build run scale store send receive read write delete \
        retry wait block fail succeed grow shrink cache copy sync share own transfer hand agree \
        because however therefore although instead unless until before during within across without \
        clear hard easy open closed known unknown likely unlikely enough better worse same different
        """

    static let technicalWords = """
        postgresql mysql sqlite oracle redis memcached kafka rabbitmq nats pulsar kinesis sqs \
        elasticsearch opensearch solr lucene mongodb cassandra dynamodb cockroachdb clickhouse \
        snowflake bigquery spark flink airflow dbt kubernetes docker helm terraform ansible \
        nomad consul vault envoy istio linkerd nginx haproxy traefik grpc graphql rest http json \
        protobuf avro parquet csv yaml xml oauth oidc saml jwt mtls tls certificate keycloak ldap \
        prometheus grafana opentelemetry jaeger zipkin datadog splunk loki sentry pagerduty \
        github gitlab jenkins argocd spinnaker bazel gradle maven npm swift kotlin java golang rust \
        python typescript react angular vue svelte nextjs django rails spring quarkus vapor \
        lambda fargate ecs eks gke aks azure aws gcp s3 blob bucket cdn cloudfront dns vpc subnet \
        firewall waf ddos latency throughput p99 sla slo sli quota ratelimit backpressure idempotency \
        saga outbox cqrs eventsourcing projection snapshot replica shard partition leader follower \
        consensus raft paxos quorum failover hotstandby multiregion monolith microservice modulith \
        api gateway sidecar webhook cron batch stream queue topic consumer producer schema migration \
        featureflag canary bluegreen darklaunch abtest encryption hashing signing secrets rotation \
        gdpr pii retention anonymisation redaction compliance sox pci hipaa iso27001 soc2 \
        billing checkout cart pricing tax fraud ledger reconciliation settlement payout refund \
        identity auth session profile consent notification mailer sms push scheduler reporting
        """

    static let syllables = [
        "ka", "lo", "mi", "ren", "tor", "va", "zu", "bel", "dar", "fen", "gri", "hal", "jo", "kri",
        "lum", "mor", "nex", "or", "pra", "quin", "ros", "sil", "tam", "ul", "vin", "wex", "yor", "zan",
        "bri", "cal", "dro", "est", "fal", "gon", "hex", "ist", "jun", "kel", "lar", "mun",
    ]

    /// - Parameter tailSize: how many made-up words follow the real ones.
    init(tailSize: Int = 30_000) {
        let function = Self.split(Self.functionWords)
        let everyday = Self.split(Self.everydayWords)
        let technical = Self.split(Self.technicalWords)
        var ranked = function
        var seen = Set(function)
        // Interleave everyday and technical words so both kinds are common.
        for index in 0..<max(everyday.count, technical.count) {
            for list in [everyday, technical] where index < list.count && seen.insert(list[index]).inserted {
                ranked.append(list[index])
            }
        }
        let tailStart = ranked.count
        var tail = SeededRandom(seed: 0x10_4e)
        while ranked.count < tailStart + tailSize {
            let count = 2 + tail.below(3)
            let word = (0..<count).map { _ in tail.pick(Self.syllables) }.joined()
            if seen.insert(word).inserted { ranked.append(word) }
        }
        words = ranked
        functionWordCount = function.count
        self.tailStart = tailStart
        // Zipf's law, with the made-up tail damped: about one word in ten is a rare name.
        var total = 0.0
        cumulative = ranked.indices.map { rank in
            total += pow(Double(rank + 1), -1.05) * (rank < tailStart ? 1 : 0.3)
            return total
        }
    }

    /// A word drawn by frequency.
    func word(_ random: inout SeededRandom) -> String { words[rank(random.unit())] }

    /// A content word (not "the", "of", …) drawn by frequency.
    func contentWord(_ random: inout SeededRandom) -> String {
        let low = cumulative[functionWordCount - 1]
        let total = cumulative[cumulative.count - 1]
        return words[rank((low + random.unit() * (total - low)) / total)]
    }

    /// A word from the made-up tail: found in few records.
    func rareWord(_ random: inout SeededRandom) -> String {
        words[tailStart + random.below(words.count - tailStart)]
    }

    /// A word by its frequency rank (0 is the most frequent).
    func word(rank: Int) -> String { words[min(rank, words.count - 1)] }

    /// The rank whose cumulative weight first reaches `fraction` of the total.
    private func rank(_ fraction: Double) -> Int {
        let target = fraction * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private static func split(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
