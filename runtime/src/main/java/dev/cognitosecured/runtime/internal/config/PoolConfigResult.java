package dev.cognitosecured.runtime.internal.config;

import java.util.List;
import java.util.Objects;

/** What reading a pool's configuration gave: a {@link PoolConfig}, or the problems found. */
public sealed interface PoolConfigResult {

    /** The pool's name. */
    String pool();

    /** A complete, valid configuration. */
    record Valid(PoolConfig config) implements PoolConfigResult {
        public Valid {
            Objects.requireNonNull(config, "config");
        }

        @Override
        public String pool() {
            return config.name();
        }
    }

    /** Keys that are missing or wrong; each problem names its full key. */
    record Invalid(String pool, List<String> problems) implements PoolConfigResult {
        public Invalid {
            Objects.requireNonNull(pool, "pool");
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid configuration has at least one problem");
            }
        }
    }
}
