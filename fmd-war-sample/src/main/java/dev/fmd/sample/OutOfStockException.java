package dev.fmd.sample;

/** The product cannot be ordered: mapped to 409 by {@link OutOfStockMapper}. */
public class OutOfStockException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutOfStockException(String message) {
        super(message);
    }
}
