package dev.fmd.monitor;

import dev.fmd.config.FmdConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What fmd adds to one request at level 1, on the request thread: the timing filter's start and finish, naming the
 * endpoint (what {@link EndpointFilter} does), the {@link ResponseFilter} on the response, building the record and
 * queueing it, while a drainer thread empties the queue in batches every 10 ms, as the writer does. {@code bare} is the same chain without
 * fmd; the difference is fmd's cost. Run with {@code -prof gc} for the bytes allocated per request.
 * <pre>
 * mvn -q -pl fmd-benchmarks -am install -DskipTests
 * mvn -q -pl fmd-benchmarks exec:exec -Djmh.args="RequestPathBenchmark -prof gc"
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
@State(Scope.Benchmark)
public class RequestPathBenchmark {

    /** A resource method, as the application would have it. */
    @Path("bench")
    public static class BenchResource {
        @GET
        public String get() {
            return "ok";
        }
    }

    private RequestTimingFilter filter;
    private FilterChain monitoredChain;
    private FilterChain bareChain;
    private HttpServletRequest request;
    private HttpServletResponse response;
    private Monitor monitor;
    private volatile boolean draining;
    private Thread drainer;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        monitor = new Monitor(FmdConfig.read(key -> Optional.ofNullable(
                key.equals(FmdConfig.QUEUE_CAPACITY) ? "1000000" : null), "bench"));
        Method get = BenchResource.class.getMethod("get");
        Endpoint endpoint = monitor.endpoints().endpointFor(BenchResource.class, get).orElseThrow();
        filter = new RequestTimingFilter(monitor, java.util.Set.of());
        BenchResource resource = new BenchResource();
        EndpointFilter endpointFilter = new EndpointFilter(endpoint);
        ResponseFilter responseFilter = new ResponseFilter(monitor, context -> null);
        ContainerRequestContext requestContext = fake(ContainerRequestContext.class, Map.of());
        monitoredChain = (req, res) -> {
            endpointFilter.filter(requestContext);
            resource.get();
            responseFilter.filter(requestContext, null);
        };
        bareChain = (req, res) -> resource.get();
        request = fake(HttpServletRequest.class, Map.of("getRemoteAddr", "127.0.0.1",
                "getHeaders", Collections.emptyEnumeration(), "isAsyncStarted", false));
        response = fake(HttpServletResponse.class, Map.of("getStatus", 200));
        draining = true;
        drainer = new Thread(() -> {
            List<RequestRecord> batch = new ArrayList<>(100_000);
            while (draining) {
                LockSupport.parkNanos(10_000_000);
                while (monitor.queue().drainTo(batch, 100_000) > 0) {
                    batch.clear();
                }
            }
        }, "drainer");
        drainer.setDaemon(true);
        drainer.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        draining = false;
        drainer.join();
        System.out.println("\nqueue dropped " + monitor.queue().dropped() + " records (0 means the drainer kept up)");
    }

    @Benchmark
    public void bare() throws Exception {
        bareChain.doFilter(request, response);
    }

    @Benchmark
    public void monitoredLevel1() throws Exception {
        filter.doFilter(request, response, monitoredChain);
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answers.get(method.getName()));
    }
}
