package dev.fmd.example.shop;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ordering: a product in stock, and one that is not. */
class OrderApiIT {

    @Test
    void ordersAProductInStock() {
        assertEquals(200, Shop.get("/api/products/1").statusCode());
        var order = Shop.post("/api/orders/1");
        assertEquals(200, order.statusCode());
        assertTrue(order.body().startsWith("ordered"), order.body());
    }

    @Test
    void refusesAnOrderWhenOutOfStock() {
        assertEquals(409, Shop.post("/api/orders/2").statusCode());
    }
}
