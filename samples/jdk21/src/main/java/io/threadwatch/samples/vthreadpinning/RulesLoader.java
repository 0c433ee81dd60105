package io.threadwatch.samples.vthreadpinning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;

/**
 * Loads the discount rule class ({@code rules.DiscountRules}) afresh for every call, in a new
 * class loader, so that an edited rule class would go live at the next request.
 *
 * <p><b>Bug:</b> every load runs the rule class's static initializer again, and that
 * initializer makes a remote call ({@link RuleRepository#fetch}). On a virtual thread, blocking
 * under a {@code <clinit>} frame pins the carrier thread: JEP 491 (JDK 24) removed pinning
 * for {@code synchronized}, not for class initialization or native frames. <b>Fix:</b> load
 * the rule class once per change (cache it by version), and keep I/O out of static
 * initializers: fetch the rule set in an ordinary method or constructor, where the virtual
 * thread unmounts while it waits.
 */
final class RulesLoader {

    static final String RULE_CLASS = "io.threadwatch.samples.vthreadpinning.rules.DiscountRules";

    private final byte[] ruleClassBytes;

    private RulesLoader(byte[] ruleClassBytes) {
        this.ruleClassBytes = ruleClassBytes;
    }

    /** Reads the rule class file once; it stands for the rule class a rule editor deploys. */
    static RulesLoader create() {
        String resource = "/" + RULE_CLASS.replace('.', '/') + ".class";
        try (InputStream in = RulesLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new RulesLoader(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Defines the rule class in a new class loader, initializes it and returns an instance. */
    PriceRule load() {
        try {
            Class<?> ruleClass = Class.forName(RULE_CLASS, true, new RuleClassLoader(ruleClassBytes));
            return (PriceRule) ruleClass.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalStateException("cannot load " + RULE_CLASS, e);
        }
    }

    /** Defines the rule class itself (child first) and delegates everything else to its parent. */
    private static final class RuleClassLoader extends ClassLoader {

        private final byte[] ruleClassBytes;

        RuleClassLoader(byte[] ruleClassBytes) {
            super("rules", RulesLoader.class.getClassLoader());
            this.ruleClassBytes = ruleClassBytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!RULE_CLASS.equals(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, ruleClassBytes, 0, ruleClassBytes.length);
            }
        }
    }
}
