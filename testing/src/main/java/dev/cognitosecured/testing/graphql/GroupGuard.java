package dev.cognitosecured.testing.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import java.util.Set;

/**
 * Lets a field be read only by callers in one of its groups, as AppSync's
 * {@code @aws_cognito_user_pools(cognito_groups: [...])} does: anyone else gets {@code null} for the
 * field and an {@code Unauthorized} error "Not Authorized to access {field} on type {type}".
 */
final class GroupGuard implements DataFetcher<Object> {

    private final DataFetcher<?> guarded;
    private final FieldCoordinates field;
    private final Set<String> groups;

    GroupGuard(DataFetcher<?> guarded, FieldCoordinates field, Set<String> groups) {
        this.guarded = guarded;
        this.field = field;
        this.groups = Set.copyOf(groups);
    }

    @Override
    public Object get(DataFetchingEnvironment environment) throws Exception {
        VerifiedCaller caller = VerifiedCaller.of(environment);
        if (caller.groups().stream().anyMatch(groups::contains)) {
            return guarded.get(environment);
        }
        return DataFetcherResult.newResult()
                .data(null)
                .error(GraphqlErrorBuilder.newError(environment)
                        .message("Not Authorized to access " + field.getFieldName() + " on type " + field.getTypeName())
                        .errorType(AppSyncErrorType.UNAUTHORIZED)
                        .build())
                .build();
    }
}
