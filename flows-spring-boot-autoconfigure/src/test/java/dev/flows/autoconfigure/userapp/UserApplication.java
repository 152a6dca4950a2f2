package dev.flows.autoconfigure.userapp;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/**
 * Stands for an application's {@code @SpringBootApplication}: its package is scanned for
 * entities and repositories.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class UserApplication {

}
