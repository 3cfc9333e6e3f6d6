package daxlab.kernel.guard;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.HashSet;
import java.util.Set;

/**
 * Rewrites a cell's class file: a call to {@link Checkpoints#check()} at every method entry and
 * before every backward branch (every loop in Java bytecode closes with one), and the three JVM
 * exits redirected to {@link Checkpoints}, in calls, method references and method handle
 * constants alike.
 *
 * <p>The inserted call takes and leaves nothing on the operand stack, so stack sizes and the
 * stack map frames (which ASM keeps attached to their labels) stay valid as they are: no frame is
 * recomputed, so no class has to be loaded to rewrite another.
 */
public final class CellInstrumenter {
    static final String CHECKPOINTS = Type.getInternalName(Checkpoints.class);

    private CellInstrumenter() {
    }

    /** The rewritten class file. */
    public static byte[] instrument(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new Guarded(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    /** One method: labels already seen are behind us, so a jump to one is a backward branch. */
    private static final class Guarded extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        Guarded(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        private void checkpoint() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, CHECKPOINTS, "check", "()V", false);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            checkpoint();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                checkpoint();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (anySeen(dflt, labels)) {
                checkpoint();
            }
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (anySeen(dflt, labels)) {
                checkpoint();
            }
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        private boolean anySeen(Label dflt, Label[] labels) {
            if (seen.contains(dflt)) {
                return true;
            }
            for (Label l : labels) {
                if (seen.contains(l)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            Exit exit = Exit.of(owner, name, descriptor);
            if (exit != null) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, CHECKPOINTS, exit.replacement, exit.replacementDescriptor, false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] args = arguments.clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = redirect(args[i]);
            }
            super.visitInvokeDynamicInsn(name, descriptor, (Handle) redirect(bootstrap), args);
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(redirect(value));
        }
    }

    /** A method handle to an exit ({@code System::exit}) becomes one to its replacement. */
    private static Object redirect(Object constant) {
        if (constant instanceof Handle) {
            Handle h = (Handle) constant;
            Exit exit = Exit.of(h.getOwner(), h.getName(), h.getDesc());
            if (exit != null) {
                return new Handle(Opcodes.H_INVOKESTATIC, CHECKPOINTS, exit.replacement, exit.replacementDescriptor, false);
            }
        }
        return constant;
    }

    /** The calls that would end the JVM, and what replaces each. */
    private enum Exit {
        SYSTEM_EXIT("java/lang/System", "exit", "exit", "(I)V"),
        RUNTIME_EXIT("java/lang/Runtime", "exit", "runtimeExit", "(Ljava/lang/Runtime;I)V"),
        RUNTIME_HALT("java/lang/Runtime", "halt", "runtimeHalt", "(Ljava/lang/Runtime;I)V");

        final String owner;
        final String name;
        final String replacement;
        final String replacementDescriptor;

        Exit(String owner, String name, String replacement, String replacementDescriptor) {
            this.owner = owner;
            this.name = name;
            this.replacement = replacement;
            this.replacementDescriptor = replacementDescriptor;
        }

        static Exit of(String owner, String name, String descriptor) {
            if (!"(I)V".equals(descriptor)) {
                return null;
            }
            for (Exit e : values()) {
                if (e.owner.equals(owner) && e.name.equals(name)) {
                    return e;
                }
            }
            return null;
        }
    }
}
