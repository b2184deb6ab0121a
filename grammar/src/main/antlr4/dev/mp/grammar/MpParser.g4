/*
 * Syntax of mp: the Python 3 subset it supports. No actions: the runtime's resolver and node builder walk the
 * parse tree. Parameter order and assignment-target validity are checked there, with Python's messages.
 */
parser grammar MpParser;

options { tokenVocab = MpLexer; }

// Entry points: a module, one interactive statement (the REPL), and an expression (f-string fields, eval).
file_input   : ( NEWLINE | stmt )* EOF ;
single_input : NEWLINE EOF? | simple_stmts EOF? | compound_stmt NEWLINE* EOF ;
eval_input   : testlist NEWLINE* EOF ;

stmt : simple_stmts | compound_stmt ;

simple_stmts : simple_stmt ( ';' simple_stmt )* ';'? NEWLINE ;

simple_stmt
  : expr_stmt
  | del_stmt
  | pass_stmt
  | flow_stmt
  | import_stmt
  | global_stmt
  | nonlocal_stmt
  | assert_stmt
  ;

// The target comes first and the kind of assignment after it, so that choosing among them takes one token of
// look-ahead: alternatives that all began with the target made the parser scan every statement twice.
expr_stmt  : ( yield_expr | testlist_star_expr ) assignment? ;
assignment
  : ':' test ( '=' assign_value )?                  # annAssignStmt
  | augassign ( yield_expr | testlist )             # augAssignStmt
  | ( '=' assign_value )+                           # assignStmt
  ;
assign_value : yield_expr | testlist_star_expr ;

augassign
  : '+=' | '-=' | '*=' | '@=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '**=' | '//='
  ;

del_stmt      : 'del' exprlist ;
pass_stmt     : 'pass' ;
flow_stmt
  : 'break'                                   # breakStmt
  | 'continue'                                # continueStmt
  | 'return' testlist_star_expr?              # returnStmt
  | 'raise' ( test ( 'from' test )? )?        # raiseStmt
  | yield_expr                                # yieldStmt
  ;
import_stmt
  : 'import' dotted_as_name ( ',' dotted_as_name )*                                  # importName
  | 'from' import_level dotted_name? 'import' ( '*' | '(' import_as_names ')' | import_as_names )   # importFrom
  ;
import_level    : ( '.' | '...' )* ;
import_as_name  : NAME ( 'as' NAME )? ;
dotted_as_name  : dotted_name ( 'as' NAME )? ;
import_as_names : import_as_name ( ',' import_as_name )* ','? ;
dotted_name     : NAME ( '.' NAME )* ;
global_stmt     : 'global' NAME ( ',' NAME )* ;
nonlocal_stmt   : 'nonlocal' NAME ( ',' NAME )* ;
assert_stmt     : 'assert' test ( ',' test )? ;

compound_stmt
  : if_stmt
  | while_stmt
  | for_stmt
  | try_stmt
  | with_stmt
  | funcdef
  | classdef
  | decorated
  | match_stmt
  ;

if_stmt    : 'if' namedexpr_test ':' block ( 'elif' namedexpr_test ':' block )* ( 'else' ':' block )? ;
while_stmt : 'while' namedexpr_test ':' block ( 'else' ':' block )? ;
for_stmt   : 'async'? 'for' exprlist 'in' testlist ':' block ( 'else' ':' block )? ;
try_stmt
  : 'try' ':' block ( ( except_clause ':' block )+ ( 'else' ':' block )? ( 'finally' ':' block )? | 'finally' ':' block )
  ;
// 'except*' (PEP 654): the star is its own token; NodeBuilder rejects mixing the two kinds on one try.
except_clause : 'except' '*'? ( test ( 'as' NAME )? )? ;
with_stmt     : 'async'? 'with' with_item ( ',' with_item )* ':' block ;
with_item     : test ( 'as' expr )? ;

// Structural pattern matching (PEP 634). The lexer makes 'match' and 'case' keywords only here (see MpLexerBase).
match_stmt   : 'match' subject_expr ':' NEWLINE INDENT case_block+ DEDENT ;
subject_expr : ( namedexpr_test | star_expr ) ( ',' ( namedexpr_test | star_expr ) )* ','? ;
case_block   : 'case' patterns ( 'if' guard=namedexpr_test )? ':' block ;

// A top-level pattern list with a comma is a sequence pattern: case a, *rest:
patterns          : pattern | open_sequence_pattern ;
open_sequence_pattern : maybe_star_pattern ',' ( maybe_star_pattern ( ',' maybe_star_pattern )* ','? )? ;
maybe_star_pattern    : '*' NAME | pattern ;
// The target after 'as' is any expression so that a wrong one gets CPython's message, not "invalid syntax".
pattern        : or_pattern ( 'as' target=expr )? ;
or_pattern     : closed_pattern ( '|' closed_pattern )* ;
closed_pattern
  : literal_pattern                                                       # literalPattern
  | NAME ( '.' NAME )* '(' ( class_argument ( ',' class_argument )* ','? )? ')'   # classPattern
  | NAME ( '.' NAME )+                                                     # valuePattern
  | NAME                                                                   # capturePattern
  | '(' pattern ')'                                                        # groupPattern
  | '(' open_sequence_pattern? ')'                                         # tuplePattern
  | '[' ( maybe_star_pattern ( ',' maybe_star_pattern )* ','? )? ']'       # listPattern
  | '{' ( ( key_value_pattern ( ',' key_value_pattern )* ( ',' '**' NAME )? | '**' NAME ) ','? )? '}'   # mappingPattern
  ;
// A complex literal (1 + 2j) parses as a number, an operator and a number; the runtime reports what it rejects.
literal_pattern
  : '-'? number ( ( '+' | '-' ) number )?
  | STRING+
  | 'None'
  | 'True'
  | 'False'
  ;
key_value_pattern : ( literal_pattern | NAME ( '.' NAME )+ ) ':' pattern ;
class_argument
  : NAME '=' pattern                      # keywordPattern
  | pattern                               # positionalPattern
  ;

block : simple_stmts | NEWLINE INDENT stmt+ DEDENT ;

decorator  : '@' namedexpr_test NEWLINE ;
decorated  : decorator+ ( classdef | funcdef ) ;
funcdef    : 'async'? 'def' NAME '(' paramlist? ')' ( '->' test )? ':' block ;
classdef   : 'class' NAME ( '(' arglist? ')' )? ':' block ;

paramlist : param ( ',' param )* ','? ;
param
  : NAME ( ':' test )? ( '=' test )?     # plainParam
  | '*' ( NAME ( ':' test )? )?          # starParam
  | '**' NAME ( ':' test )?              # kwStarParam
  | '/'                                  # slashParam
  ;
lambdef     : 'lambda' lambda_params? ':' test ;
lambda_params : lambda_param ( ',' lambda_param )* ','? ;
lambda_param
  : NAME ( '=' test )?                   # lambdaPlainParam
  | '*' NAME?                            # lambdaStarParam
  | '**' NAME                            # lambdaKwStarParam
  | '/'                                  # lambdaSlashParam
  ;

// Expressions, loosest first.
namedexpr_test : test ( ':=' test )? ;
test
  : or_test ( 'if' or_test 'else' test )?
  | lambdef
  ;
or_test    : and_test ( 'or' and_test )* ;
and_test   : not_test ( 'and' not_test )* ;
not_test   : 'not' not_test | comparison ;
comparison : expr ( comp_op expr )* ;
comp_op    : '<' | '>' | '==' | '>=' | '<=' | '<>' | '!=' | 'in' | 'not' 'in' | 'is' | 'is' 'not' ;
star_expr  : '*' expr ;

// Binary and unary arithmetic: earlier alternatives bind tighter, so -2**2 == -(2**2) as in Python.
expr
  : atom_expr                                              # primaryExpr
  | <assoc=right> expr '**' expr                           # powerExpr
  | op=( '+' | '-' | '~' ) expr                            # unaryExpr
  | expr op=( '*' | '@' | '/' | '%' | '//' ) expr          # binaryExpr
  | expr op=( '+' | '-' ) expr                             # binaryExpr
  | expr op=( '<<' | '>>' ) expr                           # binaryExpr
  | expr op='&' expr                                       # binaryExpr
  | expr op='^' expr                                       # binaryExpr
  | expr op='|' expr                                       # binaryExpr
  ;

atom_expr : 'await'? atom trailer* ;
atom
  : '(' ( yield_expr | testlist_comp )? ')'     # parenAtom
  | '[' testlist_comp? ']'                      # listAtom
  | '{' dictorsetmaker? '}'                     # braceAtom
  | NAME                                        # nameAtom
  | number                                      # numberAtom
  | STRING+                                     # stringAtom
  | '...'                                       # ellipsisAtom
  | 'None'                                      # noneAtom
  | 'True'                                      # trueAtom
  | 'False'                                     # falseAtom
  ;
number : DECIMAL_INTEGER | OCT_INTEGER | HEX_INTEGER | BIN_INTEGER | FLOAT_NUMBER | IMAG_NUMBER ;

testlist_comp : ( namedexpr_test | star_expr ) ( comp_for | ( ',' ( namedexpr_test | star_expr ) )* ','? ) ;
trailer
  : '(' arglist? ')'              # callTrailer
  | '[' subscriptlist ']'         # subscriptTrailer
  | '.' NAME                      # attributeTrailer
  ;
subscriptlist : subscript ( ',' subscript )* ','? ;
subscript
  : test                                          # indexSubscript
  | lower=test? ':' upper=test? ( ':' step=test? )?   # sliceSubscript
  ;
exprlist : ( expr | star_expr ) ( ',' ( expr | star_expr ) )* ','? ;
testlist : test ( ',' test )* ','? ;
testlist_star_expr : ( test | star_expr ) ( ',' ( test | star_expr ) )* ','? ;

dictorsetmaker
  : dict_item ( comp_for | ( ',' dict_item )* ','? )                                  # dictMaker
  | ( test | star_expr ) ( comp_for | ( ',' ( test | star_expr ) )* ','? )              # setMaker
  ;
dict_item : test ':' test | '**' expr ;

arglist  : argument ( ',' argument )* ','? ;
argument
  : test comp_for?            # positionalArgument
  | NAME ':=' test            # namedArgument
  | NAME '=' test             # keywordArgument
  | '**' test                 # kwStarArgument
  | '*' test                  # starArgument
  ;

comp_for : ( 'async'? 'for' exprlist 'in' or_test ( 'if' or_test )* )+ ;

yield_expr : 'yield' ( 'from' test | testlist_star_expr )? ;
