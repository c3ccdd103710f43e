export const SAMPLE: Record<string, unknown> = {
  scope_product_names: "ACME PLC-5000 (rev C)\nACME HMI-200",
  scope_units: 120,
  fw_components: [
    { type: "os_rtos", name: "FreeRTOS", version: "10.5.1" },
    { name: "mbedTLS", version: "2.28" },
  ],
};
