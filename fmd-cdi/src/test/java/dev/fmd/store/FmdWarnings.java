package dev.fmd.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Every warning fmd logs (the problems it reports among them), from the moment this class is first used. */
final class FmdWarnings extends Handler {

    static final FmdWarnings INSTANCE = new FmdWarnings();

    private final List<String> messages = new CopyOnWriteArrayList<>();

    private FmdWarnings() {
        Logger.getLogger("dev.fmd").addHandler(this);
    }

    /** @return the warnings so far, oldest first */
    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            messages.add(record.getMessage());
        }
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        // nothing held
    }
}
