package ${package};

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The service's metrics, in the Prometheus text exposition format: uptime, HTTP requests by status code, JVM
 * memory. Counts every exchange that passes {@link #filter()}.
 */
final class Metrics {

    private final Instant started;
    private final Map<Integer, LongAdder> requests = new ConcurrentSkipListMap<>();

    Metrics(Instant started) {
        this.started = started;
    }

    /** Counts each request by the status it was answered with. */
    Filter filter() {
        return new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                try {
                    chain.doFilter(exchange);
                } finally {
                    int status = exchange.getResponseCode();
                    requests.computeIfAbsent(status < 0 ? 500 : status, s -> new LongAdder()).increment();
                }
            }

            @Override
            public String description() {
                return "counts requests by status";
            }
        };
    }

    /** The metrics now, in the text format (version 0.0.4). */
    String scrape() {
        StringBuilder text = new StringBuilder();
        double uptime = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        gauge(text, "process_uptime_seconds", "Time since the service started.", format(uptime));
        text.append("# HELP http_requests_total HTTP requests answered, by status code.\n");
        text.append("# TYPE http_requests_total counter\n");
        requests.forEach((status, count) -> text.append("http_requests_total{status=\"").append(status)
                .append("\"} ").append(count.sum()).append('\n'));
        Runtime runtime = Runtime.getRuntime();
        gauge(text, "jvm_memory_used_bytes", "Heap memory in use.",
                Long.toString(runtime.totalMemory() - runtime.freeMemory()));
        gauge(text, "jvm_memory_committed_bytes", "Heap memory reserved from the operating system.",
                Long.toString(runtime.totalMemory()));
        gauge(text, "jvm_memory_max_bytes", "Largest heap the JVM will use.", Long.toString(runtime.maxMemory()));
        return text.toString();
    }

    private static void gauge(StringBuilder text, String name, String help, String value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(" gauge\n");
        text.append(name).append(' ').append(value).append('\n');
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
