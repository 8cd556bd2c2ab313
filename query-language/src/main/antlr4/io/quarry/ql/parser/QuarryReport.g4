/*
 * The Quarry report language.
 *
 * Two EOF-terminated entry rules: `report` for a whole report and
 * `standaloneExpression` for one expression (the JSON form parses its
 * expression strings with it). Every alternative that builds a different AST
 * node is labelled. Keywords are case-insensitive; unquoted identifiers are
 * folded to lower case by the AST builder, quoted identifiers ("...") are kept
 * as written.
 *
 * The grammar is purely syntactic: it does not know dimension or metric names.
 */
grammar QuarryReport;

options { caseInsensitive = true; }

report
    : parametersClause?
      fromClause?
      ( dimensionsClause metricsClause? | metricsClause )
      whereClause?
      havingClause?
      orderByClause?
      limitClause?
      offsetClause?
      pivotClause?
      totalsClause?
      compareClause?
      accountsClause?
      timezoneClause?
      currencyClause?
      EOF
    ;

standaloneExpression
    : expression EOF
    ;

parametersClause
    : PARAMETERS '(' parameterDeclaration (',' parameterDeclaration)* ')'
    ;

parameterDeclaration
    : name=anyName type=identifier (DEFAULT defaultValue=literal)?
    ;

fromClause
    : FROM identifier
    ;

dimensionsClause
    : DIMENSIONS selectItem (',' selectItem)*
    ;

metricsClause
    : METRICS selectItem (',' selectItem)*
    ;

selectItem
    : expression (AS alias=identifier)?
    ;

whereClause
    : WHERE expression
    ;

havingClause
    : HAVING expression
    ;

orderByClause
    : ORDER BY sortItem (',' sortItem)*
    ;

sortItem
    : expression ordering=(ASC | DESC)? (NULLS nullOrdering=(FIRST | LAST))?
    ;

limitClause
    : LIMIT integerOrParameter
    ;

offsetClause
    : OFFSET integerOrParameter
    ;

pivotClause
    : PIVOT BY expression (',' expression)*
    ;

totalsClause
    : TOTALS totalsItem (',' totalsItem)*
    ;

totalsItem
    : GRAND                                              #grandTotal
    | SUBTOTALS '(' expression (',' expression)* ')'     #subtotals
    ;

compareClause
    : COMPARE period=identifier
    ;

accountsClause
    : ACCOUNTS '(' integerOrParameter (',' integerOrParameter)* ')'
    ;

timezoneClause
    : TIMEZONE string
    ;

currencyClause
    : CURRENCY string
    ;

integerOrParameter
    : INTEGER_VALUE                                      #integerValue
    | PARAMETER                                          #parameterValue
    ;

literal
    : NULL                                               #nullDefault
    | booleanValue                                       #booleanDefault
    | string                                             #stringDefault
    | DATE string                                        #dateDefault
    | sign=(MINUS | PLUS)? number                        #numericDefault
    ;

// ---------------------------------------------------------------- expressions

expression
    : andExpression (OR andExpression)*
    ;

andExpression
    : notExpression (AND notExpression)*
    ;

notExpression
    : NOT notExpression                                  #logicalNot
    | valueExpression predicate?                         #predicated
    ;

predicate
    : comparisonOperator right=valueExpression                               #comparison
    | IS NOT? NULL                                                           #nullPredicate
    | DURING range=identifier                                                #during
    | NOT? negatablePredicate                                                #negatable
    ;

negatablePredicate
    : BETWEEN lower=valueExpression AND upper=valueExpression                #between
    | IN '(' expression (',' expression)* ')'                                #inList
    | kind=(LIKE | ILIKE) pattern=valueExpression                            #like
    ;

valueExpression
    : primaryExpression                                                      #valueDefault
    | operator=(MINUS | PLUS) valueExpression                                #arithmeticUnary
    | left=valueExpression operator=(ASTERISK | SLASH | PERCENT) right=valueExpression   #arithmeticBinary
    | left=valueExpression operator=(PLUS | MINUS) right=valueExpression     #arithmeticBinary
    ;

primaryExpression
    : NULL                                                                   #nullLiteral
    | booleanValue                                                           #booleanLiteral
    | number                                                                 #numericLiteral
    | string                                                                 #stringLiteral
    | DATE string                                                            #dateLiteral
    | PARAMETER                                                              #parameter
    | CASE whenClause+ (ELSE elseExpression=expression)? END                 #searchedCase
    | '(' expression ')'                                                     #parenthesizedExpression
    // One alternative for calls and dotted names keeps every decision here LL(1),
    // so syntax errors are reported at the token that is wrong.
    | identifier ( '(' functionArguments? ')' | ('.' pathPart)* )            #nameExpression
    ;

functionArguments
    : ASTERISK                                           #starArgument
    | DISTINCT? expression (',' expression)*             #expressionArguments
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

booleanValue
    : TRUE | FALSE
    ;

number
    : INTEGER_VALUE                                      #integerLiteral
    | DECIMAL_VALUE                                      #decimalLiteral
    ;

string
    : STRING
    ;

// A name that may be a non-reserved keyword.
identifier
    : IDENTIFIER                                         #unquotedIdentifier
    | QUOTED_IDENTIFIER                                  #quotedIdentifier
    | nonReserved                                        #keywordIdentifier
    ;

// After a dot, or where only a name can stand, every keyword is a name.
pathPart
    : identifier
    | reserved
    ;

anyName
    : identifier
    | reserved
    ;

nonReserved
    : ASC | BY | CURRENCY | DATE | DEFAULT | DESC | FIRST | GRAND | LAST | NULLS | SUBTOTALS
    ;

reserved
    : ACCOUNTS | AND | AS | BETWEEN | CASE | COMPARE | DIMENSIONS | DISTINCT | DURING
    | ELSE | END | FALSE | FROM | HAVING | ILIKE | IN | IS | LIKE | LIMIT | METRICS
    | NOT | NULL | OFFSET | OR | ORDER | PARAMETERS | PIVOT | THEN | TIMEZONE | TOTALS
    | TRUE | WHEN | WHERE
    ;

// --------------------------------------------------------------------- lexer
// Token order matters only for the order of expected tokens in error messages.

LPAREN: '(';
RPAREN: ')';
COMMA: ',';
DOT: '.';

PARAMETERS: 'PARAMETERS';
FROM: 'FROM';
DIMENSIONS: 'DIMENSIONS';
METRICS: 'METRICS';
WHERE: 'WHERE';
HAVING: 'HAVING';
ORDER: 'ORDER';
LIMIT: 'LIMIT';
OFFSET: 'OFFSET';
PIVOT: 'PIVOT';
TOTALS: 'TOTALS';
COMPARE: 'COMPARE';
ACCOUNTS: 'ACCOUNTS';
TIMEZONE: 'TIMEZONE';
CURRENCY: 'CURRENCY';

AS: 'AS';
BY: 'BY';
ASC: 'ASC';
DESC: 'DESC';
NULLS: 'NULLS';
FIRST: 'FIRST';
LAST: 'LAST';
GRAND: 'GRAND';
SUBTOTALS: 'SUBTOTALS';
DEFAULT: 'DEFAULT';

AND: 'AND';
OR: 'OR';
NOT: 'NOT';
IN: 'IN';
BETWEEN: 'BETWEEN';
LIKE: 'LIKE';
ILIKE: 'ILIKE';
IS: 'IS';
DURING: 'DURING';
NULL: 'NULL';
TRUE: 'TRUE';
FALSE: 'FALSE';
DATE: 'DATE';
CASE: 'CASE';
WHEN: 'WHEN';
THEN: 'THEN';
ELSE: 'ELSE';
END: 'END';
DISTINCT: 'DISTINCT';

EQ: '=';
NEQ: '<>' | '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';

STRING: '\'' ( ~'\'' | '\'\'' )* '\'';
UNTERMINATED_STRING: '\'' ( ~'\'' | '\'\'' )*;

QUOTED_IDENTIFIER: '"' ( ~'"' | '""' )* '"';
UNTERMINATED_QUOTED_IDENTIFIER: '"' ( ~'"' | '""' )*;

INTEGER_VALUE: DIGIT+;
DECIMAL_VALUE: DIGIT+ '.' DIGIT* | '.' DIGIT+;

PARAMETER: ':' [A-Z_] [A-Z0-9_]*;
IDENTIFIER: [A-Z_] [A-Z0-9_]*;

LINE_COMMENT: '--' ~[\r\n]* -> skip;
BLOCK_COMMENT: '/*' .*? '*/' -> skip;
UNTERMINATED_BLOCK_COMMENT: '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF;

WS: [ \t\r\n\f\u000B]+ -> skip;

// Anything else becomes one token, so the lexer never fails: the parser
// front end reports it as an unexpected character.
UNRECOGNIZED: .;

fragment DIGIT: [0-9];
