package dev.cognitosecured.runtime.internal.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Injects the generated client of the default pool. */
@Dependent
public class TodoUser {

    @Inject
    TodoApi todos;
}
