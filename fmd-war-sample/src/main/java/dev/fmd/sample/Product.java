package dev.fmd.sample;

import java.math.BigDecimal;

/** A product of the shop. */
public record Product(long id, String name, BigDecimal price, int stock) {
}
