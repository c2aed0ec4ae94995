package dev.fmd.example.shop;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog: listing products and finding one. */
class CatalogApiIT {

    @Test
    void listsEveryProduct() {
        var products = Shop.get("/api/products");
        assertEquals(200, products.statusCode());
        assertTrue(products.body().startsWith("["), products.body());
    }

    @Test
    void findsAProductById() {
        var product = Shop.get("/api/products/1");
        assertEquals(200, product.statusCode());
        assertTrue(product.body().contains("\"id\""), product.body());
    }

    @Test
    void answers404ForAnUnknownProduct() {
        assertEquals(404, Shop.get("/api/products/999").statusCode());
    }
}
