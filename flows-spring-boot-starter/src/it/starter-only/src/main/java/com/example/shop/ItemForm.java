package com.example.shop;

import jakarta.validation.constraints.NotBlank;

public record ItemForm(@NotBlank String itemId) {

}
