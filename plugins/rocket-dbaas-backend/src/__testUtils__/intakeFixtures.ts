/** A go-live date some weeks ahead, so that the fixture stays valid. */
export function futureDate(days = 60): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A complete, valid intake request body. */
export function validIntakeBody() {
  return {
    application: 'billing',
    owner: 'group:default/billing-team',
    contacts: [{ name: 'Bea Biller', email: 'bea@example.com', role: 'owner' }],
    environments: ['Dev', 'Prod'],
    dbmsType: 'postgresql',
    expectedSizeGb: 40,
    growthGbPerMonth: 5,
    workload: 'oltp',
    availability: '99.9',
    rpoMinutes: 5,
    rtoMinutes: 60,
    dataSensitivity: 'confidential',
    maintenanceWindow: { weekday: 'sat', start: '03:30' },
    costCentre: 'CC-7',
    goLiveDate: futureDate(),
    notes: 'Card payments, PCI scope',
  };
}
