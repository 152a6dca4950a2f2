package dev.flows.autoconfigure.userapp;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;

/**
 * An application that narrows entity scanning to its own package with
 * {@code @EntityScan}.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
@EntityScan(basePackageClasses = Customer.class)
public class UserApplicationWithEntityScan {

}
