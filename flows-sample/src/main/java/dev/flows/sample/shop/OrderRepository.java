package dev.flows.sample.shop;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrderRepository extends JpaRepository<CustomerOrder, Long> {

	List<CustomerOrder> findByAccountEmailOrderByPlacedAtDesc(String email);

	Optional<CustomerOrder> findByTaskId(String taskId);

}
