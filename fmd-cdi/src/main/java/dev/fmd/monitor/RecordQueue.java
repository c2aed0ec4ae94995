package dev.fmd.monitor;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded hand-off between request threads and the store's writer. {@link #offer} never blocks and never
 * throws: when the queue is full the record is dropped and counted, so a slow or absent database costs the
 * application at most {@code capacity} records of memory.
 * <p>
 * Request threads are spread over stripes by thread, so that threads on different cores do not contend for one queue
 * tail. The capacity is one bound for all stripes (one counter), so that however few threads serve the requests
 * (during a database outage, say), the queue holds exactly {@code capacity} records before it drops.
 */
public final class RecordQueue<T> {

    private static final int MIN_PER_STRIPE = 64;

    private final Stripe<T>[] stripes;
    private final int mask;
    private final LongAdder dropped = new LongAdder();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private int nextDrained;

    /** @param capacity records held at most ({@code fmd.queue-capacity}) */
    public RecordQueue(int capacity) {
        this.capacity = capacity;
        int count = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors() * 2 - 1) * 2);
        while (count > 1 && capacity / count < MIN_PER_STRIPE) {
            count /= 2;
        }
        @SuppressWarnings("unchecked")
        Stripe<T>[] created = new Stripe[count];
        for (int i = 0; i < count; i++) {
            created[i] = new Stripe<>();
        }
        stripes = created;
        mask = count - 1;
    }

    /**
     * @param record a finished request
     * @return false when it was dropped because the queue is full
     */
    public boolean offer(T record) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.increment();
            return false;
        }
        stripes[(int) Thread.currentThread().getId() & mask].records.add(record);
        return true;
    }

    /**
     * Takes records from every stripe in turn. Called by one thread, the writer.
     *
     * @param into where to put the records
     * @param max  records taken at most
     * @return how many were taken
     */
    public int drainTo(List<? super T> into, int max) {
        int taken = 0;
        for (int visited = 0; visited < stripes.length && taken < max; visited++) {
            Stripe<T> stripe = stripes[nextDrained];
            nextDrained = (nextDrained + 1) & mask;
            int more = stripe.drainTo(into, max - taken);
            size.addAndGet(-more);
            taken += more;
        }
        return taken;
    }

    /** @return records waiting to be written */
    public int size() {
        return size.get();
    }

    /**
     * @return records held at most ({@code fmd.queue-capacity}): a producer that must never be dropped, such as the
     *         data generator, waits while {@link #size()} nears it
     */
    public int capacity() {
        return capacity;
    }

    /** @return records dropped since start because the queue was full */
    public long dropped() {
        return dropped.sum();
    }

    /** One part of the queue. */
    private static final class Stripe<T> {

        private final Queue<T> records = new ConcurrentLinkedQueue<>();

        int drainTo(List<? super T> into, int max) {
            int taken = 0;
            while (taken < max) {
                T record = records.poll();
                if (record == null) {
                    break;
                }
                into.add(record);
                taken++;
            }
            return taken;
        }
    }
}
