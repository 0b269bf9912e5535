using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Remove-MsolAdministrativeUnitMember: removes a member from an administrative unit.</summary>
    [Cmdlet(VerbsCommon.Remove, "MsolAdministrativeUnitMember", SupportsShouldProcess = true)]
    public class RemoveAdministrativeUnitMember : AdministrativeUnitMemberChangeCmdlet
    {
        protected override string ActionText { get { return "Remove-MsolAdministrativeUnitMember from administrative unit"; } }
    }
}
