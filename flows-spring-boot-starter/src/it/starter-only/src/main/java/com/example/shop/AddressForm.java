package com.example.shop;

import jakarta.validation.constraints.NotBlank;

public record AddressForm(@NotBlank String street, @NotBlank String city) {

}
