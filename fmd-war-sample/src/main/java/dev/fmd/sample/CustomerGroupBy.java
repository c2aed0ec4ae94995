package dev.fmd.sample;

import dev.fmd.GroupBy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;

/**
 * Groups the shop's requests by customer: the {@code X-Customer} header names it (a real shop would read its login).
 * Stored as {@code (customer,<name>)}; requests without the header have no group.
 */
@RequestScoped
public class CustomerGroupBy implements GroupBy {

    @Inject
    HttpServletRequest request;

    @Override
    public Object groupBy() {
        String customer = request.getHeader("X-Customer");
        return customer == null ? null : List.of("customer", customer);
    }
}
