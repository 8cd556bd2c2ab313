-- With the citus extension present: lookup tables become reference tables and tenant tables
-- are distributed by account_id, all colocated with accounts. On plain PostgreSQL this
-- migration does nothing, so the same migrations serve both.
--
-- The tables have no foreign keys yet (V6 adds them), so each is distributed on its own.
-- Sequential shard modification keeps Citus from refusing a reference table and distributed
-- tables created in the same transaction.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        RAISE NOTICE 'citus extension not present: tables stay local';
        RETURN;
    END IF;

    PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);

    PERFORM create_reference_table('currencies');
    PERFORM create_reference_table('countries');

    PERFORM create_distributed_table('accounts', 'account_id');
    PERFORM create_distributed_table('campaigns', 'account_id', colocate_with := 'accounts');
    PERFORM create_distributed_table('ad_sets', 'account_id', colocate_with := 'accounts');
    PERFORM create_distributed_table('ads', 'account_id', colocate_with := 'accounts');
    PERFORM create_distributed_table('ad_stats_daily', 'account_id', colocate_with := 'accounts');
    PERFORM create_distributed_table('events', 'account_id', colocate_with := 'accounts');
END
$$;
