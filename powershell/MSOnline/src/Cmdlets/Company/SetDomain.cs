using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolDomain: -IsDefault makes a verified domain the company's default (new users'
    /// names end in it in the admin center). -WhatIf changes nothing.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolDomain", SupportsShouldProcess = true)]
    public class SetDomain : MsolCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DomainNameCompleter))]
        public string Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter IsDefault { get; set; }

        protected override object Target()
        {
            return Name;
        }

        protected override void ProcessOne()
        {
            Change(BoundBody(), Name, IsDefault.IsPresent ? "Make the domain the default" : "Set-MsolDomain");
        }
    }
}
