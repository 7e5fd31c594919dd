package dev.userlifecycle.events;

/** A well-formed command that breaks a business rule: self-referral, unknown referrer, insufficient balance… */
public class BusinessRuleViolation extends LifecycleException {

    public BusinessRuleViolation(String field, String message) {
        super(LifecycleError.Kind.RULE_VIOLATION, field, message);
    }
}
