package dev.cognitosecured.testing.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns a {@link ResolverError} thrown by a data fetcher into the error AppSync's
 * {@code $util.error} gives; any other exception is handled as graphql-java does by default.
 */
final class ResolverErrorHandler implements DataFetcherExceptionHandler {

    private final DataFetcherExceptionHandler otherwise = new SimpleDataFetcherExceptionHandler();

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        Throwable exception = parameters.getException();
        if (exception instanceof CompletionException && exception.getCause() != null) {
            exception = exception.getCause();
        }
        if (exception instanceof ResolverError resolverError) {
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult()
                    .error(GraphqlErrorBuilder.newError()
                            .message(resolverError.getMessage())
                            .location(parameters.getSourceLocation())
                            .path(parameters.getPath())
                            .errorType(new AppSyncErrorType(resolverError.errorType()))
                            .build())
                    .build());
        }
        return otherwise.handleException(parameters);
    }
}
