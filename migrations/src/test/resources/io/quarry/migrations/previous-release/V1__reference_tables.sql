-- Reference (lookup) tables. On Citus they become reference tables (V5): a copy on every
-- node, so tenant tables can join them anywhere without moving data.

CREATE TABLE currencies (
    code     char(3)  PRIMARY KEY,
    name     text     NOT NULL,
    symbol   text     NOT NULL,
    decimals smallint NOT NULL DEFAULT 2 CHECK (decimals BETWEEN 0 AND 4)
);

CREATE TABLE countries (
    code   char(2) PRIMARY KEY,
    name   text    NOT NULL,
    region text    NOT NULL
);

INSERT INTO currencies (code, name, symbol, decimals) VALUES
    ('USD', 'US Dollar', '$', 2),
    ('EUR', 'Euro', '€', 2),
    ('GBP', 'Pound Sterling', '£', 2),
    ('SEK', 'Swedish Krona', 'kr', 2),
    ('JPY', 'Japanese Yen', '¥', 0),
    ('BRL', 'Brazilian Real', 'R$', 2),
    ('INR', 'Indian Rupee', '₹', 2),
    ('AUD', 'Australian Dollar', 'A$', 2),
    ('CAD', 'Canadian Dollar', 'C$', 2);

INSERT INTO countries (code, name, region) VALUES
    ('US', 'United States', 'North America'),
    ('CA', 'Canada', 'North America'),
    ('BR', 'Brazil', 'South America'),
    ('MX', 'Mexico', 'North America'),
    ('GB', 'United Kingdom', 'Europe'),
    ('DE', 'Germany', 'Europe'),
    ('FR', 'France', 'Europe'),
    ('FI', 'Finland', 'Europe'),
    ('SE', 'Sweden', 'Europe'),
    ('ES', 'Spain', 'Europe'),
    ('IT', 'Italy', 'Europe'),
    ('NL', 'Netherlands', 'Europe'),
    ('JP', 'Japan', 'Asia Pacific'),
    ('IN', 'India', 'Asia Pacific'),
    ('AU', 'Australia', 'Asia Pacific'),
    ('SG', 'Singapore', 'Asia Pacific');
