package dev.cognitosecured.examples.jakarta;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application at the WAR's root; the server finds its resources and providers by scanning. */
@ApplicationPath("/")
public class TodoApplication extends Application {
}
