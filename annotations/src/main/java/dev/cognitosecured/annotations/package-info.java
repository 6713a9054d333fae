/**
 * The annotations an application writes to declare a GraphQL API secured with Amazon Cognito
 * user-pool tokens.
 *
 * <p>An interface annotated with {@link dev.cognitosecured.annotations.CognitoSecured} is turned
 * into a CDI bean at compile time by the {@code cognito-secured-processor} annotation processor:
 *
 * <pre>{@code
 * @CognitoSecured(refreshSkew = "30s", retryOnUnauthorized = 1)
 * public interface TodoApi {
 *     @GraphQL("query Get($id: ID!) { getTodo(id: $id) { id title done } }")
 *     Todo getTodo(@Var("id") String id);
 *
 *     @GraphQL("query List { listTodos { id title done } }")
 *     List<Todo> listTodos();
 *
 *     @GraphQL("mutation Add($title: String!) { addTodo(title: $title) { id title done } }")
 *     CompletionStage<Todo> addTodo(@Var("title") String title);
 *
 *     @GraphQL(resource = "graphql/deleteTodo.graphql")
 *     void deleteTodo(@Var("id") String id);
 * }
 *
 * @ApplicationScoped
 * public class TodoService {
 *     @Inject TodoApi todos;                 // TodoApi_CognitoClient, generated
 *     @Inject @AuthFlow SignIn signIn;        // the sign-in flow of the "default" pool
 *
 *     public Todo first(String user, char[] password) {
 *         signIn.start(user, password);
 *         return todos.getTodo("1");          // sent with a token valid for at least 30 s
 *     }
 * }
 * }</pre>
 */
package dev.cognitosecured.annotations;
