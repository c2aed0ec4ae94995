package dev.fmd.sample;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The shop's products, in memory. */
@ApplicationScoped
public class Catalog {

    private final Map<Long, Product> products = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public Catalog() {
        add("Espresso machine", "249.00", 4);
        add("Coffee grinder", "89.50", 0);
        add("Milk jug", "12.90", 25);
    }

    public List<Product> all() {
        return products.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    public Optional<Product> find(long id) {
        return Optional.ofNullable(products.get(id));
    }

    public Product add(String name, String price, int stock) {
        long id = ids.incrementAndGet();
        Product product = new Product(id, name, new BigDecimal(price), stock);
        products.put(id, product);
        return product;
    }
}
