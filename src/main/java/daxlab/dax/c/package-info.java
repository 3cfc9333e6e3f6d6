/**
 * The kernel C of one function, as a participant writes it in a notebook cell: a version of
 * {@code fs_put_dax()} or of {@code dax_holder_notify_failure()}, whole or as a body. This
 * package reads it ({@link daxlab.dax.c.Lexer}, {@link daxlab.dax.c.Parser}) into a syntax tree
 * ({@link daxlab.dax.c.Ast}); what the code means (which names exist, which primitives the
 * models know) is {@code daxlab.dax}'s business, which translates the tree into the IR. Every
 * mistake is a {@link daxlab.dax.c.KernelCException} at the line and column of the text.
 */
package daxlab.dax.c;
