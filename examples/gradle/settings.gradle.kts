// A Gradle build of the README's example ("Testing your own @CognitoSecured code"), for Gradle users.
// Gradle itself is not part of this project's build; examples/gradle/README.md says what checks this file.
rootProject.name = "cognito-secured-gradle-example"
