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
 * Request threads are spread over stripes by thread, each with its own share of the capacity, so that threads on
 * different cores do not contend for one queue tail and one counter. Capacities too small to share (under 64 per
 * stripe) use a single stripe, which keeps the bound exact.
 */
public final class RecordQueue<T> {

    private static final int MIN_PER_STRIPE = 64;

    private final Stripe<T>[] stripes;
    private final int mask;
    private final LongAdder dropped = new LongAdder();
    private int nextDrained;

    /** @param capacity records held at most ({@code fmd.queue-capacity}) */
    public RecordQueue(int capacity) {
        int count = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors() * 2 - 1) * 2);
        while (count > 1 && capacity / count < MIN_PER_STRIPE) {
            count /= 2;
        }
        @SuppressWarnings("unchecked")
        Stripe<T>[] created = new Stripe[count];
        for (int i = 0; i < count; i++) {
            created[i] = new Stripe<>(capacity / count + (i < capacity % count ? 1 : 0));
        }
        stripes = created;
        mask = count - 1;
    }

    /**
     * @param record a finished request
     * @return false when it was dropped because the queue is full
     */
    public boolean offer(T record) {
        if (stripes[(int) Thread.currentThread().getId() & mask].offer(record)) {
            return true;
        }
        dropped.increment();
        return false;
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
            taken += stripe.drainTo(into, max - taken);
        }
        return taken;
    }

    /** @return records waiting to be written */
    public int size() {
        int size = 0;
        for (Stripe<T> stripe : stripes) {
            size += stripe.size.get();
        }
        return size;
    }

    /**
     * @return records the calling thread can have waiting at most (its stripe's share of the capacity): a producer
     *         that must never be dropped, such as the data generator, waits while {@link #size()} nears it
     */
    public int capacityOfThisThread() {
        return stripes[(int) Thread.currentThread().getId() & mask].capacity;
    }

    /** @return records dropped since start because the queue was full */
    public long dropped() {
        return dropped.sum();
    }

    /** One bounded part of the queue. */
    private static final class Stripe<T> {

        private final Queue<T> records = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();
        private final int capacity;

        Stripe(int capacity) {
            this.capacity = capacity;
        }

        boolean offer(T record) {
            if (size.incrementAndGet() > capacity) {
                size.decrementAndGet();
                return false;
            }
            records.add(record);
            return true;
        }

        int drainTo(List<? super T> into, int max) {
            int taken = 0;
            while (taken < max) {
                T record = records.poll();
                if (record == null) {
                    break;
                }
                size.decrementAndGet();
                into.add(record);
                taken++;
            }
            return taken;
        }
    }
}
