package dev.fmd.monitor;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordQueueTest {

    private static RequestRecord record(int i) {
        return new RequestRecord(null, true, i, i, "v", null, "127.0.0.1", 200, null, null);
    }

    @Test
    void drainsEveryStripe() {
        RecordQueue<RequestRecord> queue = new RecordQueue<>(10_000);
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            Thread producer = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    queue.offer(record(i));
                }
            });
            producers.add(producer);
            producer.start();
        }
        producers.forEach(p -> {
            try {
                p.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(600, queue.size());
        List<RequestRecord> drained = new ArrayList<>();
        assertEquals(250, queue.drainTo(drained, 250));
        assertEquals(350, queue.drainTo(drained, 1000));
        assertEquals(0, queue.size());
    }

    @Test
    void dropsAndCountsWhatDoesNotFit() {
        RecordQueue<RequestRecord> queue = new RecordQueue<>(3);
        for (int i = 0; i < 3; i++) {
            assertTrue(queue.offer(record(i)));
        }
        assertFalse(queue.offer(record(3)));
        assertEquals(1, queue.dropped());
        List<RequestRecord> drained = new ArrayList<>();
        assertEquals(2, queue.drainTo(drained, 2));
        assertEquals(1, queue.size());
        assertTrue(queue.offer(record(4)), "room again after draining");
    }

    @Test
    void neverHoldsMoreThanItsCapacityUnderConcurrentOffers() throws InterruptedException {
        RecordQueue<RequestRecord> queue = new RecordQueue<>(1000);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            threads.submit(() -> {
                start.await();
                for (int i = 0; i < 10_000; i++) {
                    queue.offer(record(i));
                }
                return null;
            });
        }
        start.countDown();
        threads.shutdown();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        List<RequestRecord> drained = new ArrayList<>();
        queue.drainTo(drained, Integer.MAX_VALUE);
        assertTrue(drained.size() <= 1000 && drained.size() >= 250, "held " + drained.size());
        assertEquals(80_000, drained.size() + queue.dropped(), "every record is either held or counted");
    }
}
