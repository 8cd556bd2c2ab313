-- Foreign keys, added after V5 distributed the tables (see V2 for why). Between tenant tables
-- they include account_id, which Citus requires and which keeps each check on one shard;
-- tenant tables may reference the lookup (reference) tables freely.
--
-- One constraint per ALTER TABLE: Citus refuses an ALTER TABLE on a distributed table that
-- adds a constraint together with other subcommands ("cannot execute ADD CONSTRAINT command
-- with other subcommands").
--
-- On Citus, foreign keys to reference tables must be created one shard at a time within a
-- transaction that touches several tables; on plain PostgreSQL this setting is an unused
-- placeholder.
--
-- The first release wrote several ADD CONSTRAINTs per statement, which only plain PostgreSQL
-- accepts. Databases it migrated have the same constraints: Migrator accepts that script's
-- checksum for this version (see ReleasedChecksums).
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

ALTER TABLE accounts
    ADD CONSTRAINT accounts_currency_fkey FOREIGN KEY (currency) REFERENCES currencies (code);
ALTER TABLE accounts
    ADD CONSTRAINT accounts_country_fkey FOREIGN KEY (country) REFERENCES countries (code);

ALTER TABLE campaigns
    ADD CONSTRAINT campaigns_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (account_id);
ALTER TABLE campaigns
    ADD CONSTRAINT campaigns_country_fkey FOREIGN KEY (country) REFERENCES countries (code);
ALTER TABLE campaigns
    ADD CONSTRAINT campaigns_currency_fkey FOREIGN KEY (currency) REFERENCES currencies (code);

ALTER TABLE ad_sets
    ADD CONSTRAINT ad_sets_campaign_fkey FOREIGN KEY (account_id, campaign_id)
        REFERENCES campaigns (account_id, campaign_id);
ALTER TABLE ad_sets
    ADD CONSTRAINT ad_sets_country_fkey FOREIGN KEY (country) REFERENCES countries (code);

ALTER TABLE ads
    ADD CONSTRAINT ads_ad_set_fkey FOREIGN KEY (account_id, ad_set_id)
        REFERENCES ad_sets (account_id, ad_set_id);
ALTER TABLE ads
    ADD CONSTRAINT ads_campaign_fkey FOREIGN KEY (account_id, campaign_id)
        REFERENCES campaigns (account_id, campaign_id);
