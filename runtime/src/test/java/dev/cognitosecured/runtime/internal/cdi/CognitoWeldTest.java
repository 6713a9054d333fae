package dev.cognitosecured.runtime.internal.cdi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.jboss.weld.junit5.auto.AddExtensions;
import org.jboss.weld.junit5.auto.EnableAutoWeld;

/**
 * A Weld SE container per test with the cognito-secured extension and the fakes that replace
 * Cognito, the HTTP transport and the clock for every pool.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnableAutoWeld
@AddExtensions(CognitoSecuredExtension.class)
@AddBeanClasses({FakeCognito.class, FakeGraphQL.class, FakeClock.class, RecordedEvents.class})
@interface CognitoWeldTest {
}
