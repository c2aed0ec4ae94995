package dev.fmd.monitor;

import dev.fmd.GroupBy;
import dev.fmd.config.FmdConfig;
import dev.fmd.outlier.Redactor;
import dev.fmd.testmonitor.TestHit;
import dev.fmd.testmonitor.TestTag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ProcessingException;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The run-time side of fmd's monitoring for one application: its configuration, its endpoints, and the queues its
 * measurements go into. Turns a finished {@link InFlightRequest} into a {@link RequestRecord}; never throws.
 * <p>
 * An application-scoped bean. The servlet filter and the JAX-RS feature, which the containers create, look it up
 * once and keep {@link #unproxied()}, so a request pays no proxy.
 */
@ApplicationScoped
public class Monitor {

    private FmdConfig config;
    private EndpointRegistry endpoints;
    private RecordQueue<RequestRecord> queue;
    private RecordQueue<RequestAttachment> attachments;
    private RecordQueue<TestHit> testHits;
    private volatile RequestObserver[] observers = new RequestObserver[0];
    private Instance<RequestObserver> observerBeans;
    private volatile boolean observersResolved;
    private ClientAddress clientAddress;
    private Redactor redactor;
    private final Problems problems = new Problems();
    private volatile GroupBy groupBy;
    private volatile boolean groupByResolved;
    private volatile boolean served;

    /** For the container's proxy. */
    protected Monitor() {
    }

    /**
     * @param config    the validated configuration
     * @param observers the deeper concerns that follow requests of level 2 or more (outliers, profiler), resolved on
     *                  the first such request
     */
    @Inject
    public Monitor(FmdConfig config, @Any Instance<RequestObserver> observers) {
        this(config);
        this.observerBeans = observers;
        this.observersResolved = false;
    }

    /** @param config the validated configuration (benchmarks and tests: observers are added by hand) */
    public Monitor(FmdConfig config) {
        this.config = config;
        this.endpoints = new EndpointRegistry(new MonitoringPolicy(config.autoBind()), config.monitorLevel());
        this.queue = new RecordQueue<>(config.queueCapacity());
        this.attachments = new RecordQueue<>(Math.max(64, config.queueCapacity() / 10));
        this.testHits = new RecordQueue<>(Math.max(64, config.queueCapacity() / 10));
        this.clientAddress = new ClientAddress(config.trustedProxies());
        this.redactor = new Redactor(config.redact());
        this.observersResolved = true;
    }

    /** @return this monitor itself rather than the container's proxy, for the request path */
    public Monitor unproxied() {
        return this;
    }

    /**
     * Called by the servlet filter on every request the application gets, monitored or not: notes, once, that the
     * application serves requests (its boot is over). One volatile read per request after the first.
     */
    public void serving() {
        if (!served) {
            served = true;
        }
    }

    /** @return whether the application has had a request since it started (of any kind, to any of its servlets) */
    public boolean served() {
        return served;
    }

    /** @return the configuration */
    public FmdConfig config() {
        return config;
    }

    /** @return the endpoints */
    public EndpointRegistry endpoints() {
        return endpoints;
    }

    /** @return the queue of finished requests, which the store drains */
    public RecordQueue<RequestRecord> queue() {
        return queue;
    }

    /** @return the queue of profiles and outlier contexts, which the store drains after their requests */
    public RecordQueue<RequestAttachment> attachments() {
        return attachments;
    }

    /** @return the queue of requests tests made (believed {@link TestTag}s), which the store adds up */
    public RecordQueue<TestHit> testHits() {
        return testHits;
    }

    /** @param observer follows requests of level 2 or more from now on */
    public synchronized void addObserver(RequestObserver observer) {
        RequestObserver[] more = java.util.Arrays.copyOf(observers, observers.length + 1);
        more[observers.length] = observer;
        observers = more;
    }

    void started(InFlightRequest request) {
        tellObservers(observer -> observer.started(request));
    }

    /** Tells every observer, counting what one throws instead of letting it reach the application. */
    private void tellObservers(java.util.function.Consumer<RequestObserver> call) {
        if (!observersResolved) {
            resolveObservers();
        }
        for (RequestObserver observer : observers) {
            try {
                call.accept(observer);
            } catch (Throwable t) {
                problems.report("following a request (" + observer.getClass().getSimpleName() + ")", t);
            }
        }
    }

    private synchronized void resolveObservers() {
        if (observersResolved) {
            return;
        }
        try {
            for (RequestObserver observer : observerBeans) {
                addObserver(observer.unproxied());
            }
        } catch (RuntimeException e) {
            problems.report("finding the outlier detector and the profiler", e);
        }
        observersResolved = true;
    }

    /** @return the problems fmd had, for the dashboard */
    public Problems problems() {
        return problems;
    }

    /**
     * Finds the application's {@link GroupBy} bean once, from the application's own container (the extension's bean
     * manager may not see the WAR's beans); without one, the caller principal's name is used.
     */
    private GroupBy groupByBean() {
        if (!groupByResolved) {
            try {
                Instance<GroupBy> beans = CDI.current().select(GroupBy.class);
                if (beans.isAmbiguous()) {
                    problems.report("finding the GroupBy bean", new IllegalStateException(
                            "more than one bean implements dev.fmd.GroupBy; the principal's name is used instead"));
                }
                groupBy = beans.isResolvable() ? beans.get() : null;
            } catch (RuntimeException e) {
                problems.report("finding the GroupBy bean", e);
            }
            groupByResolved = true;
        }
        return groupBy;
    }

    /**
     * @param context            the application's context, its servlets registered
     * @param applicationClasses the names of its {@code Application} subclasses
     * @return its JAX-RS servlets; none when they cannot be read (the problem is counted)
     */
    JaxRsServlets jaxRsServlets(ServletContext context, Set<String> applicationClasses) {
        try {
            return JaxRsServlets.of(context, applicationClasses);
        } catch (Throwable t) {
            problems.report("finding the JAX-RS servlets (requests that reach no resource method are not recorded)", t);
            return JaxRsServlets.NONE;
        }
    }

    /**
     * Called on the request thread when the servlet chain returned without the JAX-RS runtime taking the request to a
     * resource method. When it went to a JAX-RS servlet, it gets the endpoint it was going to, when the routes say
     * so unambiguously ({@link EndpointRegistry#routeFor}: a {@code @PreMatching} filter ended it, a locator
     * failed, its media types fit no method), else the {@link EndpointRegistry#unmatched} pseudo-endpoint of its
     * method and path template, made from the path once its secrets are redacted ({@link Redactor#redactPath}).
     *
     * @param request the request, no endpoint named
     * @param http    the servlet request
     * @param jaxRs   the application's JAX-RS servlets
     * @return whether it is to be recorded: false when it went to another servlet, or was going to a method fmd
     *         does not monitor
     */
    boolean reachedNoMethod(InFlightRequest request, HttpServletRequest http, JaxRsServlets jaxRs) {
        try {
            if (!jaxRs.served(http)) {
                return false;
            }
            String uri = http.getRequestURI();
            String context = http.getContextPath();
            String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
            String method = http.getMethod();
            Optional<Route> route = endpoints.routeFor(method, path);
            if (route.isPresent() && route.get().endpoint().isEmpty()) {
                return false;
            }
            request.endpointAfterwards(route.flatMap(Route::endpoint)
                    .orElseGet(() -> endpoints.unmatched(method, redactor.redactPath(path))));
            return true;
        } catch (Throwable t) {
            problems.report("recording a request that reached no resource method", t);
            return false;
        }
    }

    /**
     * Called on the request thread when the servlet chain returned: records the request now, or when its
     * asynchronous response completes.
     */
    void finish(InFlightRequest request, HttpServletRequest http, HttpServletResponse response, Throwable escaped) {
        boolean endsLater = false;
        try {
            if (request.endpoint().level() > 0) {
                request.groupBy(groupByOf(http));
                request.ip(clientAddress.resolve(http));
            }
            if (!config.testmonitorToken().isEmpty()) {
                request.test(testTagOf(http));
            }
            if (escaped != null) {
                request.escaped(unwrap(escaped));
                record(request, http, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            } else if (http.isAsyncStarted()) {
                http.getAsyncContext().addListener(new Completion(request, http));
                endsLater = true;
            } else {
                record(request, http, response.getStatus());
            }
        } catch (Throwable t) {
            problems.report("recording a request", t);
        } finally {
            if (!endsLater) {
                ended(request);
            }
        }
    }

    private void record(InFlightRequest request, HttpServletRequest http, int status) {
        if (!request.markRecorded()) {
            return;
        }
        long duration = System.nanoTime() - request.startNanos;
        Endpoint endpoint = request.endpoint();
        if (!queue.offer(new RequestRecord(endpoint, endpoint.level() > 0, request.startMillis, duration,
                config.appVersion(), request.groupBy(), request.ip(), status, request.exception(),
                request.handle())) && request.handle() != null) {
            request.handle().dropped();
        }
        if (request.test() != null) {
            testHits.offer(new TestHit(request.test(), endpoint, request.startMillis, duration));
        }
        if (request.handle() != null) {
            tellObservers(observer -> observer.finished(request, http, status, duration));
        }
    }

    /** @return the test the request came from, when its tag carries {@code fmd.testmonitor-token}; else null */
    private TestTag testTagOf(HttpServletRequest http) {
        String test = http.getHeader(TestTag.TEST);
        return test == null ? null : TestTag.of(test, http.getHeader(TestTag.RUN), http.getHeader(TestTag.TOKEN),
                config.testmonitorToken());
    }

    /**
     * Tells the observers, once, that a request they were told of has ended, recorded or not: called on every way
     * out of {@link #finish}, and for an asynchronous request when its response is being written on another thread
     * ({@link EndpointFilter}) or is complete. Nothing is allocated below level 2.
     */
    void ended(InFlightRequest request) {
        if (request.handle() != null && request.markEnded()) {
            tellObservers(observer -> observer.ended(request));
        }
    }

    /** @return what each observer holds for requests in flight now (fmd's own metrics); off the request path */
    public List<Following> following() {
        if (!observersResolved) {
            resolveObservers();
        }
        List<Following> all = new ArrayList<>();
        for (RequestObserver observer : observers) {
            try {
                all.add(observer.following());
            } catch (RuntimeException e) {
                problems.report("reading what " + observer.getClass().getSimpleName() + " follows", e);
            }
        }
        return all;
    }

    private String groupByOf(HttpServletRequest http) {
        try {
            GroupBy bean = groupByBean();
            if (bean != null) {
                return GroupByValue.flatten(bean.groupBy());
            }
            Principal principal = http.getUserPrincipal();
            return principal == null ? null : principal.getName();
        } catch (Throwable t) {
            problems.report("computing the group-by value", t);
            return null;
        }
    }

    /**
     * The exception the application threw, not the servlet container's, the JAX-RS runtime's or the EJB container's
     * wrapper around it ({@code ServletException}, {@code ProcessingException}, {@code EJBException}).
     */
    static Throwable unwrap(Throwable escaped) {
        Throwable t = escaped;
        for (int i = 0; i < 5; i++) {
            Throwable cause = t instanceof ServletException s && s.getRootCause() != null ? s.getRootCause()
                    : t instanceof ProcessingException || isEjbException(t) ? t.getCause() : null;
            if (cause == null) {
                break;
            }
            t = cause;
        }
        return t;
    }

    /** By name: the EJB API may be missing from a web-profile server. */
    private static boolean isEjbException(Throwable t) {
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("jakarta.ejb.EJBException")) {
                return true;
            }
        }
        return false;
    }

    /** Records an asynchronous request when its response is complete. */
    private final class Completion implements AsyncListener {

        private final InFlightRequest request;
        private final HttpServletRequest http;

        Completion(InFlightRequest request, HttpServletRequest http) {
            this.request = request;
            this.http = http;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            try {
                int status = event.getSuppliedResponse() instanceof HttpServletResponse r ? r.getStatus()
                        : HttpServletResponse.SC_OK;
                record(request, http, status);
            } catch (Throwable t) {
                problems.report("recording an asynchronous request", t);
            } finally {
                ended(request);
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            request.escaped(event.getThrowable() == null ? null : unwrap(event.getThrowable()));
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows, with the status the container sent
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
