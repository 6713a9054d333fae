plugins {
    `java-library`
}

group = "com.example"
version = "1.0"

java {
    toolchain {
        languageVersion = JavaLanguageVersion.of(17)
    }
}

repositories {
    mavenCentral()
    mavenLocal() // a cognito-secured built from source with `mvn install`
}

val cognitoSecuredVersion = "0.1.0-SNAPSHOT"

// What the container supplies (Jakarta EE 10 servers and Helidon 4 bring them): compiled against, not packaged.
val jakartaApis = listOf(
    "jakarta.enterprise:jakarta.enterprise.cdi-api:4.1.0",
    "jakarta.inject:jakarta.inject-api:2.0.1",
    "jakarta.ws.rs:jakarta.ws.rs-api:4.0.0",
)

dependencies {
    // The processor checks every @CognitoSecured interface and generates its client at compile time. It is
    // isolating, so Gradle's incremental compilation keeps working; it is never needed at run time.
    annotationProcessor("dev.cognitosecured:cognito-secured-processor:$cognitoSecuredVersion")
    // The annotations come with the runtime (the session store, sign-in, the CDI extension).
    implementation("dev.cognitosecured:cognito-secured-runtime:$cognitoSecuredVersion")
    jakartaApis.forEach { compileOnly(it) }
    // Gradle compiles before it copies the resources: on the compile class path, the schema and documents that
    // @CognitoSecured(schema = ...) and @GraphQL(resource = ...) name are found by the processor.
    compileOnly(files("src/main/resources"))

    // The test kit: LocalCognito and LocalGraphQL on loopback, the CognitoTestKit JUnit 5 extension.
    testImplementation("dev.cognitosecured:cognito-secured-testing:$cognitoSecuredVersion")
    testImplementation(platform("org.junit:junit-bom:5.11.4"))
    testImplementation("org.junit.jupiter:junit-jupiter")
    testRuntimeOnly("org.junit.platform:junit-platform-launcher")
    // In the tests, what the container would supply: CDI (Weld SE), a JAX-RS client (Jersey), JSON-B (Yasson).
    jakartaApis.forEach { testImplementation(it) }
    testImplementation("org.jboss.weld.se:weld-se-core:6.0.4.Final")
    testRuntimeOnly("org.glassfish.jersey.core:jersey-client:3.1.11")
    testRuntimeOnly("org.glassfish.jersey.inject:jersey-hk2:3.1.11")
    testRuntimeOnly("org.eclipse:yasson:3.0.4")
}

tasks.withType<JavaCompile>().configureEach {
    options.compilerArgs.addAll(listOf("-Xlint:all", "-Xlint:-processing"))
}

tasks.test {
    useJUnitPlatform()
}
