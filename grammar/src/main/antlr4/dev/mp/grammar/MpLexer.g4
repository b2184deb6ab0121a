/*
 * Lexical structure of mp: Python 3's tokens. Indentation (INDENT/DEDENT), implicit line joining inside
 * brackets and blank-line skipping are done by MpLexerBase.nextToken(), so the rules here carry no actions.
 * String literals (every prefix, including f-strings) are single STRING tokens; their contents are
 * decoded, and f-string replacement fields parsed, by the runtime.
 */
lexer grammar MpLexer;

options { superClass = MpLexerBase; }

tokens { INDENT, DEDENT }

// Keywords
FALSE    : 'False';
NONE     : 'None';
TRUE     : 'True';
AND      : 'and';
AS       : 'as';
ASSERT   : 'assert';
ASYNC    : 'async';
AWAIT    : 'await';
BREAK    : 'break';
CLASS    : 'class';
CONTINUE : 'continue';
DEF      : 'def';
DEL      : 'del';
ELIF     : 'elif';
ELSE     : 'else';
EXCEPT   : 'except';
FINALLY  : 'finally';
FOR      : 'for';
FROM     : 'from';
GLOBAL   : 'global';
IF       : 'if';
IMPORT   : 'import';
IN       : 'in';
IS       : 'is';
LAMBDA   : 'lambda';
NONLOCAL : 'nonlocal';
NOT      : 'not';
OR       : 'or';
PASS     : 'pass';
RAISE    : 'raise';
RETURN   : 'return';
TRY      : 'try';
WHILE    : 'while';
WITH     : 'with';
YIELD    : 'yield';

// Soft keywords: tokens of their own, which the parser also accepts as names (rule `name`) outside match statements.
MATCH    : 'match';
CASE     : 'case';

NEWLINE : ( '\r'? '\n' | '\r' | '\f' ) [ \t\f]* ;

STRING : STRING_PREFIX? ( SHORT_STRING | LONG_STRING ) ;

// A string that reaches the end of its line (or of the file) without its closing quote.
UNTERMINATED_STRING
  : STRING_PREFIX? ( '\'' ( '\\' ~[\r\n] | ~[\\\r\n'] )* | '"' ( '\\' ~[\r\n] | ~[\\\r\n"] )* )
  ;
UNTERMINATED_LONG_STRING
  : STRING_PREFIX? ( '\'\'\'' ( '\\' . | ~[\\'] | '\'' ~[\\'] | '\'\'' ~[\\'] )* EOF
                   | '"""' ( '\\' . | ~[\\"] | '"' ~[\\"] | '""' ~[\\"] )* EOF )
  ;

FLOAT_NUMBER : POINT_FLOAT | EXPONENT_FLOAT ;
IMAG_NUMBER  : ( FLOAT_NUMBER | INT_PART ) [jJ] ;
DECIMAL_INTEGER : NON_ZERO_DIGIT ( '_'? DIGIT )* | '0'+ ( '_'? '0' )* ;
OCT_INTEGER  : '0' [oO] ( '_'? OCT_DIGIT )+ ;
HEX_INTEGER  : '0' [xX] ( '_'? HEX_DIGIT )+ ;
BIN_INTEGER  : '0' [bB] ( '_'? BIN_DIGIT )+ ;

NAME : ID_START ID_CONTINUE* ;

ELLIPSIS     : '...';
DOT          : '.';
STAR         : '*';
OPEN_PAREN   : '(';
CLOSE_PAREN  : ')';
COMMA        : ',';
COLON        : ':';
SEMI_COLON   : ';';
POWER        : '**';
ASSIGN       : '=';
OPEN_BRACK   : '[';
CLOSE_BRACK  : ']';
OR_OP        : '|';
XOR          : '^';
AND_OP       : '&';
LEFT_SHIFT   : '<<';
RIGHT_SHIFT  : '>>';
ADD          : '+';
MINUS        : '-';
DIV          : '/';
MOD          : '%';
IDIV         : '//';
NOT_OP       : '~';
OPEN_BRACE   : '{';
CLOSE_BRACE  : '}';
LESS_THAN    : '<';
GREATER_THAN : '>';
EQUALS       : '==';
GT_EQ        : '>=';
LT_EQ        : '<=';
NOT_EQ_1     : '<>';
NOT_EQ_2     : '!=';
AT           : '@';
ARROW        : '->';
WALRUS       : ':=';
ADD_ASSIGN   : '+=';
SUB_ASSIGN   : '-=';
MULT_ASSIGN  : '*=';
AT_ASSIGN    : '@=';
DIV_ASSIGN   : '/=';
MOD_ASSIGN   : '%=';
AND_ASSIGN   : '&=';
OR_ASSIGN    : '|=';
XOR_ASSIGN   : '^=';
LEFT_SHIFT_ASSIGN  : '<<=';
RIGHT_SHIFT_ASSIGN : '>>=';
POWER_ASSIGN : '**=';
IDIV_ASSIGN  : '//=';

SKIP_ : ( SPACES | COMMENT | LINE_JOINING ) -> skip ;

// Anything else is reported by the runtime as "invalid character".
ERROR_CHAR : . ;

fragment STRING_PREFIX : [rRuUbBfF] | [rR] [bBfF] | [bBfF] [rR] ;
fragment SHORT_STRING
  : '\'' ( STRING_ESCAPE_SEQ | ~[\\\r\n'] )* '\''
  | '"' ( STRING_ESCAPE_SEQ | ~[\\\r\n"] )* '"'
  ;
fragment LONG_STRING
  : '\'\'\'' LONG_STRING_ITEM*? '\'\'\''
  | '"""' LONG_STRING_ITEM*? '"""'
  ;
fragment LONG_STRING_ITEM : STRING_ESCAPE_SEQ | ~'\\' ;
fragment STRING_ESCAPE_SEQ : '\\' . | '\\' NEWLINE ;

fragment NON_ZERO_DIGIT : [1-9] ;
fragment DIGIT     : [0-9] ;
fragment OCT_DIGIT : [0-7] ;
fragment HEX_DIGIT : [0-9a-fA-F] ;
fragment BIN_DIGIT : [01] ;
fragment INT_PART  : DIGIT ( '_'? DIGIT )* ;
fragment FRACTION  : '.' INT_PART ;
fragment EXPONENT  : [eE] [+-]? INT_PART ;
fragment POINT_FLOAT : INT_PART? FRACTION | INT_PART '.' ;
fragment EXPONENT_FLOAT : ( INT_PART | POINT_FLOAT ) EXPONENT ;

fragment SPACES  : [ \t]+ ;
fragment COMMENT : '#' ~[\r\n\f]* ;
fragment LINE_JOINING : '\\' [ \t]* ( '\r'? '\n' | '\r' | '\f' ) ;

fragment ID_START    : [_\p{L}\p{Nl}] ;
fragment ID_CONTINUE : [_\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}] ;
