package dev.flows.sample.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentMethodRepository extends JpaRepository<PaymentMethod, Long> {

	List<PaymentMethod> findByOwnerEmailOrderByCreatedAtAsc(String email);

	boolean existsByOwnerEmail(String email);

	Optional<PaymentMethod> findByIdAndOwnerEmail(Long id, String email);

	boolean existsByOwnerEmailAndLabel(String email, String label);

}
