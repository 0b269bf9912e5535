using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>New-MsolGroup: creates a security group and returns it.</summary>
    [Cmdlet(VerbsCommon.New, "MsolGroup", SupportsShouldProcess = true)]
    [OutputType(typeof(Group))]
    public class NewGroup : MsolCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)] public string DisplayName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string Description { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserPrincipalNameCompleter))]
        public string ManagedBy { get; set; }

        protected override object Target()
        {
            return DisplayName;
        }

        protected override void ProcessOne()
        {
            if (!ShouldProcess(DisplayName, "New-MsolGroup")) return;
            Submit<Group>(BoundBody(), DisplayName, group => WriteObject(group));
        }
    }
}
