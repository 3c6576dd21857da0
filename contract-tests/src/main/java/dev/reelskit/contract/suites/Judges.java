package dev.reelskit.contract.suites;

import dev.reelskit.contract.rules.Rule;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The rule a test method judges; its display name is that rule's id and title. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Judges {
  Rule value();
}
