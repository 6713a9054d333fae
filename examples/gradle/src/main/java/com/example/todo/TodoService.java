package com.example.todo;

import dev.cognitosecured.annotations.AuthFlow;
import dev.cognitosecured.runtime.SignIn;
import dev.cognitosecured.runtime.SignInStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The application code under test: it signs a user in and reads to-dos as that user. */
@ApplicationScoped
public class TodoService {

    @Inject
    TodoApi todos;

    @Inject
    @AuthFlow
    SignIn signIn;

    /** Signs in; true if no challenge is left to answer. */
    public boolean login(String username, char[] password) {
        SignInStep step = signIn.start(username, password);
        return step.isDone();
    }

    public String title(String id) {
        return todos.getTodo(id).title();
    }
}
