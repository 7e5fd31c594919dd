package dev.userlifecycle.events;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class PositiveAmountValidator implements ConstraintValidator<PositiveAmount, Money> {

    @Override
    public boolean isValid(Money value, ConstraintValidatorContext context) {
        return value == null || value.amount().signum() > 0;
    }
}
