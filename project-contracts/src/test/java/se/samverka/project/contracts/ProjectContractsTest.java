package se.samverka.project.contracts;

import se.samverka.platform.test.ContractModuleTest;

class ProjectContractsTest extends ContractModuleTest {

    ProjectContractsTest() {
        super(new ProjectContracts());
    }
}
