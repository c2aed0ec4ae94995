package dev.fmd.monitor;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bounded hand-off between request threads and the store's writer. {@link #offer} never blocks and never
 * throws: when the queue is full the record is dropped and counted, so a slow or absent database costs the
 * application at most {@code capacity} records of memory.
 */
public final class RecordQueue {

    private final Queue<RequestRecord> records = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private final int capacity;

    /** @param capacity records held at most ({@code fmd.queue-capacity}) */
    public RecordQueue(int capacity) {
        this.capacity = capacity;
    }

    /**
     * @param record a finished request
     * @return false when it was dropped because the queue is full
     */
    public boolean offer(RequestRecord record) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.increment();
            return false;
        }
        records.add(record);
        return true;
    }

    /**
     * @param into where to put the records
     * @param max  records taken at most
     * @return how many were taken
     */
    public int drainTo(List<RequestRecord> into, int max) {
        int taken = 0;
        while (taken < max) {
            RequestRecord record = records.poll();
            if (record == null) {
                break;
            }
            size.decrementAndGet();
            into.add(record);
            taken++;
        }
        return taken;
    }

    /** @return records waiting to be written */
    public int size() {
        return size.get();
    }

    /** @return records dropped since start because the queue was full */
    public long dropped() {
        return dropped.sum();
    }
}
