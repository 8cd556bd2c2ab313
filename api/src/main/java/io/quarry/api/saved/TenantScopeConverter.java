package io.quarry.api.saved;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import io.quarry.planner.tenant.TenantScope;
import jakarta.inject.Singleton;
import java.util.List;

/** Binds a {@link TenantScope} to a query as its accounts, a {@code bigint[]} for {@code account_id = ANY(:scope)}. */
@Singleton
final class TenantScopeConverter implements AttributeConverter<TenantScope, Long[]> {

    @Override
    public Long[] convertToPersistedValue(TenantScope scope, ConversionContext context) {
        return scope.accounts().toArray(Long[]::new);
    }

    @Override
    public TenantScope convertToEntityValue(Long[] accounts, ConversionContext context) {
        return TenantScope.of(List.of(accounts));
    }
}
