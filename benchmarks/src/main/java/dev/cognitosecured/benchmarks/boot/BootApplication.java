package dev.cognitosecured.benchmarks.boot;

/** An application of the boot benchmark: a bean that injects a number of clients. */
public interface BootApplication {

    /** How many clients were injected (all of them, once the bean exists). */
    int injectedClients();
}
