package dev.fmd.it.dropin;

import jakarta.enterprise.context.ApplicationScoped;

/** A CDI bean implementing an annotated interface; throws for the name "error". */
@ApplicationScoped
public class GreetingResource implements GreetingApi {

    @Override
    public String greet(String name) {
        if (name.equals("error")) {
            throw new IllegalStateException("no greeting for errors");
        }
        return "hello " + name;
    }
}
