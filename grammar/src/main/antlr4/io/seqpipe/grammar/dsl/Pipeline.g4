/*
 * The Seqpipe pipeline language.
 *
 *   # a comment; // also one
 *   let data = "${SEQPIPE_DATA:-data}"
 *   pipeline sentiment : classify {
 *     data { train "${data}/train.tsv"  dev "${data}/dev.tsv" }
 *     encoder bilstm(hidden: 256, layers: 2)
 *     evaluate accuracy, f1_macro
 *   }
 *
 * Entries are separated by newlines or ';'. An entry is a key, then optionally call arguments, values
 * (separated by commas) and a block. Newlines inside (...) and [...] do not separate entries. A name may
 * have dotted parts, as the keys of a sweep do: `sweep { grid { train.optimizer.lr [1e-3, 3e-3] } }`.
 *
 * Limits (io.seqpipe.grammar.source.ReadLimits): {, ( and [ together nest at most 100 deep, checked on the
 * tokens before parsing (this parser recurses per level); a file is at most 1 MiB; includes nest at most
 * 32 files deep and expand at most 16 MiB of text in all.
 */
grammar Pipeline;

@lexer::members {
  private int nesting = 0;
}

file
  : separator* (header separator+)* pipeline separator* EOF
  ;

/** A file named by `include`: variables and entries, no pipeline header. */
fragmentFile
  : separator* ((header | entry) separator+)* (header | entry)? EOF
  ;

header
  : INCLUDE STRING                 # include
  | LET NAME '=' value             # let
  ;

pipeline
  : PIPELINE name=NAME ':' kind=NAME block
  ;

block
  : '{' separator* (entry separator+)* entry? '}'
  ;

entry
  : key=NAME arguments? (value (',' value)*)? block?
  ;

arguments
  : '(' (argument (',' argument)* ','?)? ')'
  ;

argument
  : (NAME ':')? value
  ;

value
  : STRING                         # string
  | NUMBER                         # number
  | (TRUE | FALSE)                 # bool
  | VARIABLE                       # variable
  | NAME arguments?                # name
  | '[' (value (',' value)* ','?)? ']'  # list
  ;

separator
  : NL
  | ';'
  ;

INCLUDE  : 'include' ;
LET      : 'let' ;
PIPELINE : 'pipeline' ;
TRUE     : 'true' ;
FALSE    : 'false' ;

LPAREN   : '(' { nesting++; } ;
RPAREN   : ')' { if (nesting > 0) nesting--; } ;
LBRACKET : '[' { nesting++; } ;
RBRACKET : ']' { if (nesting > 0) nesting--; } ;

NUMBER   : '-'? DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)? ;
NAME     : NAME_PART ('.' NAME_PART)* ;
STRING   : '"' (ESCAPE | ~["\\\r\n])* '"' ;
/** A string without its closing quote: reported as such rather than as stray characters. */
UNTERMINATED : '"' (ESCAPE | ~["\\\r\n])* ;
VARIABLE : '${' ~[}\r\n]* '}' ;

COMMENT  : ('#' | '//') ~[\r\n]* -> skip ;
NL       : '\r'? '\n' { if (nesting > 0) skip(); } ;
SPACE    : [ \t]+ -> skip ;

fragment DIGITS : [0-9]+ ;
fragment NAME_PART : [a-zA-Z_] [a-zA-Z0-9_\-]* ;
fragment ESCAPE : '\\' [\\"nt$] ;
